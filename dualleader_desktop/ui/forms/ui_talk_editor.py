# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'talk_editor.ui'
##
## Created by: Qt User Interface Compiler version 6.11.3
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import (QCoreApplication, QDate, QDateTime, QLocale,
    QMetaObject, QObject, QPoint, QRect,
    QSize, QTime, QUrl, Qt)
from PySide6.QtGui import (QBrush, QColor, QConicalGradient, QCursor,
    QFont, QFontDatabase, QGradient, QIcon,
    QImage, QKeySequence, QLinearGradient, QPainter,
    QPalette, QPixmap, QRadialGradient, QTransform)
from PySide6.QtWidgets import (QAbstractButton, QApplication, QCheckBox, QComboBox,
    QDateEdit, QDialog, QDialogButtonBox, QGridLayout,
    QHBoxLayout, QHeaderView, QLabel, QLineEdit,
    QListView, QPlainTextEdit, QPushButton, QSizePolicy,
    QSpacerItem, QTableView, QVBoxLayout, QWidget)

class Ui_TalkEditor(object):
    def setupUi(self, TalkEditor):
        if not TalkEditor.objectName():
            TalkEditor.setObjectName(u"TalkEditor")
        TalkEditor.resize(820, 760)
        self.mainLayout = QVBoxLayout(TalkEditor)
        self.mainLayout.setObjectName(u"mainLayout")
        self.formGrid = QGridLayout()
        self.formGrid.setObjectName(u"formGrid")
        self.dateLabel = QLabel(TalkEditor)
        self.dateLabel.setObjectName(u"dateLabel")

        self.formGrid.addWidget(self.dateLabel, 0, 0, 1, 1)

        self.dateBox = QVBoxLayout()
        self.dateBox.setObjectName(u"dateBox")
        self.dateRow = QHBoxLayout()
        self.dateRow.setObjectName(u"dateRow")
        self.dateEdit = QDateEdit(TalkEditor)
        self.dateEdit.setObjectName(u"dateEdit")
        self.dateEdit.setCalendarPopup(True)

        self.dateRow.addWidget(self.dateEdit)

        self.kindLabel = QLabel(TalkEditor)
        self.kindLabel.setObjectName(u"kindLabel")

        self.dateRow.addWidget(self.kindLabel)

        self.kindCombo = QComboBox(TalkEditor)
        self.kindCombo.setObjectName(u"kindCombo")

        self.dateRow.addWidget(self.kindCombo)

        self.placeLabel = QLabel(TalkEditor)
        self.placeLabel.setObjectName(u"placeLabel")

        self.dateRow.addWidget(self.placeLabel)

        self.placeEdit = QLineEdit(TalkEditor)
        self.placeEdit.setObjectName(u"placeEdit")

        self.dateRow.addWidget(self.placeEdit)


        self.dateBox.addLayout(self.dateRow)

        self.dateError = QLabel(TalkEditor)
        self.dateError.setObjectName(u"dateError")
        self.dateError.setVisible(False)
        self.dateError.setWordWrap(True)

        self.dateBox.addWidget(self.dateError)


        self.formGrid.addLayout(self.dateBox, 0, 1, 1, 1)

        self.topicLabel = QLabel(TalkEditor)
        self.topicLabel.setObjectName(u"topicLabel")

        self.formGrid.addWidget(self.topicLabel, 1, 0, 1, 1)

        self.topicBox = QVBoxLayout()
        self.topicBox.setObjectName(u"topicBox")
        self.topicEdit = QLineEdit(TalkEditor)
        self.topicEdit.setObjectName(u"topicEdit")

        self.topicBox.addWidget(self.topicEdit)

        self.topicError = QLabel(TalkEditor)
        self.topicError.setObjectName(u"topicError")
        self.topicError.setVisible(False)
        self.topicError.setWordWrap(True)

        self.topicBox.addWidget(self.topicError)


        self.formGrid.addLayout(self.topicBox, 1, 1, 1, 1)

        self.peopleLabel = QLabel(TalkEditor)
        self.peopleLabel.setObjectName(u"peopleLabel")

        self.formGrid.addWidget(self.peopleLabel, 2, 0, 1, 1)

        self.peopleRow = QHBoxLayout()
        self.peopleRow.setObjectName(u"peopleRow")
        self.talkersBox = QVBoxLayout()
        self.talkersBox.setObjectName(u"talkersBox")
        self.talkersLabel = QLabel(TalkEditor)
        self.talkersLabel.setObjectName(u"talkersLabel")

        self.talkersBox.addWidget(self.talkersLabel)

        self.talkersFilter = QLineEdit(TalkEditor)
        self.talkersFilter.setObjectName(u"talkersFilter")

        self.talkersBox.addWidget(self.talkersFilter)

        self.talkersView = QListView(TalkEditor)
        self.talkersView.setObjectName(u"talkersView")

        self.talkersBox.addWidget(self.talkersView)

        self.talkersError = QLabel(TalkEditor)
        self.talkersError.setObjectName(u"talkersError")
        self.talkersError.setVisible(False)
        self.talkersError.setWordWrap(True)

        self.talkersBox.addWidget(self.talkersError)


        self.peopleRow.addLayout(self.talkersBox)

        self.talkeesBox = QVBoxLayout()
        self.talkeesBox.setObjectName(u"talkeesBox")
        self.talkeesLabel = QLabel(TalkEditor)
        self.talkeesLabel.setObjectName(u"talkeesLabel")

        self.talkeesBox.addWidget(self.talkeesLabel)

        self.talkeesFilter = QLineEdit(TalkEditor)
        self.talkeesFilter.setObjectName(u"talkeesFilter")

        self.talkeesBox.addWidget(self.talkeesFilter)

        self.talkeesView = QListView(TalkEditor)
        self.talkeesView.setObjectName(u"talkeesView")

        self.talkeesBox.addWidget(self.talkeesView)

        self.talkeesError = QLabel(TalkEditor)
        self.talkeesError.setObjectName(u"talkeesError")
        self.talkeesError.setVisible(False)
        self.talkeesError.setWordWrap(True)

        self.talkeesBox.addWidget(self.talkeesError)


        self.peopleRow.addLayout(self.talkeesBox)


        self.formGrid.addLayout(self.peopleRow, 2, 1, 1, 1)

        self.contentLabel = QLabel(TalkEditor)
        self.contentLabel.setObjectName(u"contentLabel")

        self.formGrid.addWidget(self.contentLabel, 3, 0, 1, 1)

        self.contentEdit = QPlainTextEdit(TalkEditor)
        self.contentEdit.setObjectName(u"contentEdit")

        self.formGrid.addWidget(self.contentEdit, 3, 1, 1, 1)

        self.viewLabel = QLabel(TalkEditor)
        self.viewLabel.setObjectName(u"viewLabel")

        self.formGrid.addWidget(self.viewLabel, 4, 0, 1, 1)

        self.viewEdit = QPlainTextEdit(TalkEditor)
        self.viewEdit.setObjectName(u"viewEdit")
        self.viewEdit.setMaximumHeight(90)

        self.formGrid.addWidget(self.viewEdit, 4, 1, 1, 1)

        self.followUpLabel = QLabel(TalkEditor)
        self.followUpLabel.setObjectName(u"followUpLabel")

        self.formGrid.addWidget(self.followUpLabel, 5, 0, 1, 1)

        self.followBox = QVBoxLayout()
        self.followBox.setObjectName(u"followBox")
        self.followUpEdit = QPlainTextEdit(TalkEditor)
        self.followUpEdit.setObjectName(u"followUpEdit")
        self.followUpEdit.setMaximumHeight(70)

        self.followBox.addWidget(self.followUpEdit)

        self.followRow = QHBoxLayout()
        self.followRow.setObjectName(u"followRow")
        self.followUpDateCheck = QCheckBox(TalkEditor)
        self.followUpDateCheck.setObjectName(u"followUpDateCheck")

        self.followRow.addWidget(self.followUpDateCheck)

        self.followUpDateEdit = QDateEdit(TalkEditor)
        self.followUpDateEdit.setObjectName(u"followUpDateEdit")
        self.followUpDateEdit.setCalendarPopup(True)
        self.followUpDateEdit.setEnabled(False)

        self.followRow.addWidget(self.followUpDateEdit)

        self.followSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.followRow.addItem(self.followSpacer)


        self.followBox.addLayout(self.followRow)

        self.followUpError = QLabel(TalkEditor)
        self.followUpError.setObjectName(u"followUpError")
        self.followUpError.setVisible(False)
        self.followUpError.setWordWrap(True)

        self.followBox.addWidget(self.followUpError)


        self.formGrid.addLayout(self.followBox, 5, 1, 1, 1)

        self.filesLabel = QLabel(TalkEditor)
        self.filesLabel.setObjectName(u"filesLabel")

        self.formGrid.addWidget(self.filesLabel, 6, 0, 1, 1)

        self.filesBox = QVBoxLayout()
        self.filesBox.setObjectName(u"filesBox")
        self.filesButtons = QHBoxLayout()
        self.filesButtons.setObjectName(u"filesButtons")
        self.addFileButton = QPushButton(TalkEditor)
        self.addFileButton.setObjectName(u"addFileButton")

        self.filesButtons.addWidget(self.addFileButton)

        self.openFileButton = QPushButton(TalkEditor)
        self.openFileButton.setObjectName(u"openFileButton")

        self.filesButtons.addWidget(self.openFileButton)

        self.removeFileButton = QPushButton(TalkEditor)
        self.removeFileButton.setObjectName(u"removeFileButton")

        self.filesButtons.addWidget(self.removeFileButton)

        self.filesSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.filesButtons.addItem(self.filesSpacer)


        self.filesBox.addLayout(self.filesButtons)

        self.filesView = QTableView(TalkEditor)
        self.filesView.setObjectName(u"filesView")
        self.filesView.setMaximumHeight(110)

        self.filesBox.addWidget(self.filesView)


        self.formGrid.addLayout(self.filesBox, 6, 1, 1, 1)


        self.mainLayout.addLayout(self.formGrid)

        self.buttonBox = QDialogButtonBox(TalkEditor)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Save)

        self.mainLayout.addWidget(self.buttonBox)

#if QT_CONFIG(shortcut)
        self.dateLabel.setBuddy(self.dateEdit)
        self.kindLabel.setBuddy(self.kindCombo)
        self.placeLabel.setBuddy(self.placeEdit)
        self.topicLabel.setBuddy(self.topicEdit)
        self.contentLabel.setBuddy(self.contentEdit)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(TalkEditor)

        QMetaObject.connectSlotsByName(TalkEditor)
    # setupUi

    def retranslateUi(self, TalkEditor):
        TalkEditor.setWindowTitle(QCoreApplication.translate("TalkEditor", u"\u8c08\u5fc3\u8c08\u8bdd\u8bb0\u5f55", None))
        self.dateLabel.setText(QCoreApplication.translate("TalkEditor", u"\u8c08\u8bdd\u65e5\u671f(&D)", None))
        self.dateEdit.setDisplayFormat(QCoreApplication.translate("TalkEditor", u"yyyy-MM-dd", None))
        self.kindLabel.setText(QCoreApplication.translate("TalkEditor", u"\u7c7b\u578b(&K)", None))
        self.placeLabel.setText(QCoreApplication.translate("TalkEditor", u"\u5730\u70b9(&P)", None))
        self.topicLabel.setText(QCoreApplication.translate("TalkEditor", u"\u8c08\u8bdd\u4e3b\u9898(&T)", None))
        self.topicEdit.setPlaceholderText(QCoreApplication.translate("TalkEditor", u"\u4f8b\u5982\uff1a\u601d\u60f3\u72b6\u51b5\u4e0e\u6559\u5b66\u5de5\u4f5c\u4ea4\u6d41", None))
        self.peopleLabel.setText(QCoreApplication.translate("TalkEditor", u"\u8c08\u8bdd\u4eba\u4e0e\u5bf9\u8c61", None))
        self.talkersLabel.setText(QCoreApplication.translate("TalkEditor", u"\u8c08\u8bdd\u4eba\uff08\u53ef\u591a\u9009\uff09", None))
        self.talkersFilter.setPlaceholderText(QCoreApplication.translate("TalkEditor", u"\u7b5b\u9009\u59d3\u540d", None))
        self.talkeesLabel.setText(QCoreApplication.translate("TalkEditor", u"\u8c08\u8bdd\u5bf9\u8c61\uff08\u53ef\u591a\u9009\uff09", None))
        self.talkeesFilter.setPlaceholderText(QCoreApplication.translate("TalkEditor", u"\u7b5b\u9009\u59d3\u540d", None))
        self.contentLabel.setText(QCoreApplication.translate("TalkEditor", u"\u8c08\u8bdd\u5185\u5bb9(&C)", None))
        self.viewLabel.setText(QCoreApplication.translate("TalkEditor", u"\u8c08\u8bdd\u5bf9\u8c61\u7684\u610f\u89c1", None))
        self.followUpLabel.setText(QCoreApplication.translate("TalkEditor", u"\u8ddf\u8fdb\u63aa\u65bd", None))
        self.followUpDateCheck.setText(QCoreApplication.translate("TalkEditor", u"\u8ddf\u8fdb\u65e5\u671f", None))
        self.followUpDateEdit.setDisplayFormat(QCoreApplication.translate("TalkEditor", u"yyyy-MM-dd", None))
        self.filesLabel.setText(QCoreApplication.translate("TalkEditor", u"\u9644\u4ef6", None))
        self.addFileButton.setText(QCoreApplication.translate("TalkEditor", u"\u6dfb\u52a0\u9644\u4ef6\u2026", None))
        self.openFileButton.setText(QCoreApplication.translate("TalkEditor", u"\u6253\u5f00", None))
        self.removeFileButton.setText(QCoreApplication.translate("TalkEditor", u"\u79fb\u9664", None))
    # retranslateUi


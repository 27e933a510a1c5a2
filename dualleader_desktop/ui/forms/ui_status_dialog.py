# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'status_dialog.ui'
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
from PySide6.QtWidgets import (QAbstractButton, QApplication, QComboBox, QDateEdit,
    QDialog, QDialogButtonBox, QGridLayout, QLabel,
    QLineEdit, QPlainTextEdit, QSizePolicy, QVBoxLayout,
    QWidget)

class Ui_StatusDialog(object):
    def setupUi(self, StatusDialog):
        if not StatusDialog.objectName():
            StatusDialog.setObjectName(u"StatusDialog")
        StatusDialog.resize(480, 300)
        self.mainLayout = QVBoxLayout(StatusDialog)
        self.mainLayout.setObjectName(u"mainLayout")
        self.memberLabel = QLabel(StatusDialog)
        self.memberLabel.setObjectName(u"memberLabel")

        self.mainLayout.addWidget(self.memberLabel)

        self.formGrid = QGridLayout()
        self.formGrid.setObjectName(u"formGrid")
        self.statusLabel = QLabel(StatusDialog)
        self.statusLabel.setObjectName(u"statusLabel")

        self.formGrid.addWidget(self.statusLabel, 0, 0, 1, 1)

        self.statusBox = QVBoxLayout()
        self.statusBox.setObjectName(u"statusBox")
        self.statusCombo = QComboBox(StatusDialog)
        self.statusCombo.setObjectName(u"statusCombo")

        self.statusBox.addWidget(self.statusCombo)

        self.statusError = QLabel(StatusDialog)
        self.statusError.setObjectName(u"statusError")
        self.statusError.setVisible(False)
        self.statusError.setWordWrap(True)

        self.statusBox.addWidget(self.statusError)


        self.formGrid.addLayout(self.statusBox, 0, 1, 1, 1)

        self.dateLabel = QLabel(StatusDialog)
        self.dateLabel.setObjectName(u"dateLabel")

        self.formGrid.addWidget(self.dateLabel, 1, 0, 1, 1)

        self.dateBox = QVBoxLayout()
        self.dateBox.setObjectName(u"dateBox")
        self.dateEdit = QDateEdit(StatusDialog)
        self.dateEdit.setObjectName(u"dateEdit")
        self.dateEdit.setCalendarPopup(True)

        self.dateBox.addWidget(self.dateEdit)

        self.dateError = QLabel(StatusDialog)
        self.dateError.setObjectName(u"dateError")
        self.dateError.setVisible(False)
        self.dateError.setWordWrap(True)

        self.dateBox.addWidget(self.dateError)


        self.formGrid.addLayout(self.dateBox, 1, 1, 1, 1)

        self.otherOrgLabel = QLabel(StatusDialog)
        self.otherOrgLabel.setObjectName(u"otherOrgLabel")

        self.formGrid.addWidget(self.otherOrgLabel, 2, 0, 1, 1)

        self.orgBox = QVBoxLayout()
        self.orgBox.setObjectName(u"orgBox")
        self.otherOrgEdit = QLineEdit(StatusDialog)
        self.otherOrgEdit.setObjectName(u"otherOrgEdit")

        self.orgBox.addWidget(self.otherOrgEdit)

        self.otherOrgError = QLabel(StatusDialog)
        self.otherOrgError.setObjectName(u"otherOrgError")
        self.otherOrgError.setVisible(False)
        self.otherOrgError.setWordWrap(True)

        self.orgBox.addWidget(self.otherOrgError)


        self.formGrid.addLayout(self.orgBox, 2, 1, 1, 1)

        self.noteLabel = QLabel(StatusDialog)
        self.noteLabel.setObjectName(u"noteLabel")

        self.formGrid.addWidget(self.noteLabel, 3, 0, 1, 1)

        self.noteEdit = QPlainTextEdit(StatusDialog)
        self.noteEdit.setObjectName(u"noteEdit")
        self.noteEdit.setMaximumHeight(80)

        self.formGrid.addWidget(self.noteEdit, 3, 1, 1, 1)


        self.mainLayout.addLayout(self.formGrid)

        self.hintLabel = QLabel(StatusDialog)
        self.hintLabel.setObjectName(u"hintLabel")
        self.hintLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.hintLabel)

        self.buttonBox = QDialogButtonBox(StatusDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Ok)

        self.mainLayout.addWidget(self.buttonBox)

#if QT_CONFIG(shortcut)
        self.statusLabel.setBuddy(self.statusCombo)
        self.dateLabel.setBuddy(self.dateEdit)
        self.otherOrgLabel.setBuddy(self.otherOrgEdit)
        self.noteLabel.setBuddy(self.noteEdit)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(StatusDialog)

        QMetaObject.connectSlotsByName(StatusDialog)
    # setupUi

    def retranslateUi(self, StatusDialog):
        StatusDialog.setWindowTitle(QCoreApplication.translate("StatusDialog", u"\u53d8\u66f4\u515a\u5458\u72b6\u6001", None))
        self.memberLabel.setText("")
        self.statusLabel.setText(QCoreApplication.translate("StatusDialog", u"\u53d8\u66f4\u4e3a(&S)", None))
        self.dateLabel.setText(QCoreApplication.translate("StatusDialog", u"\u65e5\u671f(&D)", None))
        self.dateEdit.setDisplayFormat(QCoreApplication.translate("StatusDialog", u"yyyy-MM-dd", None))
        self.otherOrgLabel.setText(QCoreApplication.translate("StatusDialog", u"\u8f6c\u5f80\u515a\u7ec4\u7ec7(&O)", None))
        self.otherOrgEdit.setPlaceholderText(QCoreApplication.translate("StatusDialog", u"\u63a5\u6536\u7ec4\u7ec7\u5173\u7cfb\u7684\u515a\u7ec4\u7ec7\u5168\u79f0", None))
        self.noteLabel.setText(QCoreApplication.translate("StatusDialog", u"\u8bf4\u660e", None))
        self.hintLabel.setText(QCoreApplication.translate("StatusDialog", u"\u6863\u6848\u4e0d\u4f1a\u88ab\u5220\u9664\uff1a\u539f\u6709\u4f1a\u8bae\u8bb0\u5f55\u4e2d\u4ecd\u4fdd\u7559\u8be5\u515a\u5458\u7684\u59d3\u540d\uff0c\u72b6\u6001\u53ef\u968f\u65f6\u6062\u590d\u4e3a\u201c\u5728\u518c\u201d\u3002", None))
    # retranslateUi


# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'meeting_editor.ui'
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
    QPlainTextEdit, QPushButton, QSizePolicy, QSpacerItem,
    QTabWidget, QTableView, QTimeEdit, QVBoxLayout,
    QWidget)

class Ui_MeetingEditor(object):
    def setupUi(self, MeetingEditor):
        if not MeetingEditor.objectName():
            MeetingEditor.setObjectName(u"MeetingEditor")
        MeetingEditor.resize(900, 720)
        self.mainLayout = QVBoxLayout(MeetingEditor)
        self.mainLayout.setObjectName(u"mainLayout")
        self.formGrid = QGridLayout()
        self.formGrid.setObjectName(u"formGrid")
        self.kindLabel = QLabel(MeetingEditor)
        self.kindLabel.setObjectName(u"kindLabel")

        self.formGrid.addWidget(self.kindLabel, 0, 0, 1, 1)

        self.kindCombo = QComboBox(MeetingEditor)
        self.kindCombo.setObjectName(u"kindCombo")

        self.formGrid.addWidget(self.kindCombo, 0, 1, 1, 1)

        self.themeLabel = QLabel(MeetingEditor)
        self.themeLabel.setObjectName(u"themeLabel")

        self.formGrid.addWidget(self.themeLabel, 1, 0, 1, 1)

        self.themeBox = QVBoxLayout()
        self.themeBox.setObjectName(u"themeBox")
        self.themeEdit = QLineEdit(MeetingEditor)
        self.themeEdit.setObjectName(u"themeEdit")

        self.themeBox.addWidget(self.themeEdit)

        self.themeError = QLabel(MeetingEditor)
        self.themeError.setObjectName(u"themeError")
        self.themeError.setVisible(False)
        self.themeError.setWordWrap(True)

        self.themeBox.addWidget(self.themeError)


        self.formGrid.addLayout(self.themeBox, 1, 1, 1, 1)

        self.dateLabel = QLabel(MeetingEditor)
        self.dateLabel.setObjectName(u"dateLabel")

        self.formGrid.addWidget(self.dateLabel, 2, 0, 1, 1)

        self.dateBox = QVBoxLayout()
        self.dateBox.setObjectName(u"dateBox")
        self.dateRow = QHBoxLayout()
        self.dateRow.setObjectName(u"dateRow")
        self.dateEdit = QDateEdit(MeetingEditor)
        self.dateEdit.setObjectName(u"dateEdit")
        self.dateEdit.setCalendarPopup(True)

        self.dateRow.addWidget(self.dateEdit)

        self.fromLabel = QLabel(MeetingEditor)
        self.fromLabel.setObjectName(u"fromLabel")

        self.dateRow.addWidget(self.fromLabel)

        self.startTimeEdit = QTimeEdit(MeetingEditor)
        self.startTimeEdit.setObjectName(u"startTimeEdit")

        self.dateRow.addWidget(self.startTimeEdit)

        self.toLabel = QLabel(MeetingEditor)
        self.toLabel.setObjectName(u"toLabel")

        self.dateRow.addWidget(self.toLabel)

        self.endTimeEdit = QTimeEdit(MeetingEditor)
        self.endTimeEdit.setObjectName(u"endTimeEdit")

        self.dateRow.addWidget(self.endTimeEdit)

        self.dateSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.dateRow.addItem(self.dateSpacer)


        self.dateBox.addLayout(self.dateRow)

        self.dateError = QLabel(MeetingEditor)
        self.dateError.setObjectName(u"dateError")
        self.dateError.setVisible(False)
        self.dateError.setWordWrap(True)

        self.dateBox.addWidget(self.dateError)


        self.formGrid.addLayout(self.dateBox, 2, 1, 1, 1)

        self.placeLabel = QLabel(MeetingEditor)
        self.placeLabel.setObjectName(u"placeLabel")

        self.formGrid.addWidget(self.placeLabel, 3, 0, 1, 1)

        self.placeEdit = QLineEdit(MeetingEditor)
        self.placeEdit.setObjectName(u"placeEdit")

        self.formGrid.addWidget(self.placeEdit, 3, 1, 1, 1)

        self.groupLabel = QLabel(MeetingEditor)
        self.groupLabel.setObjectName(u"groupLabel")

        self.formGrid.addWidget(self.groupLabel, 4, 0, 1, 1)

        self.groupBox = QVBoxLayout()
        self.groupBox.setObjectName(u"groupBox")
        self.groupCombo = QComboBox(MeetingEditor)
        self.groupCombo.setObjectName(u"groupCombo")

        self.groupBox.addWidget(self.groupCombo)

        self.groupError = QLabel(MeetingEditor)
        self.groupError.setObjectName(u"groupError")
        self.groupError.setVisible(False)
        self.groupError.setWordWrap(True)

        self.groupBox.addWidget(self.groupError)


        self.formGrid.addLayout(self.groupBox, 4, 1, 1, 1)

        self.hostLabel = QLabel(MeetingEditor)
        self.hostLabel.setObjectName(u"hostLabel")

        self.formGrid.addWidget(self.hostLabel, 5, 0, 1, 1)

        self.peopleRow = QHBoxLayout()
        self.peopleRow.setObjectName(u"peopleRow")
        self.hostCombo = QComboBox(MeetingEditor)
        self.hostCombo.setObjectName(u"hostCombo")
        self.hostCombo.setEditable(True)
        self.hostCombo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.hostCombo.setMinimumContentsLength(16)

        self.peopleRow.addWidget(self.hostCombo)

        self.recorderLabel = QLabel(MeetingEditor)
        self.recorderLabel.setObjectName(u"recorderLabel")

        self.peopleRow.addWidget(self.recorderLabel)

        self.recorderCombo = QComboBox(MeetingEditor)
        self.recorderCombo.setObjectName(u"recorderCombo")
        self.recorderCombo.setEditable(True)
        self.recorderCombo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.recorderCombo.setMinimumContentsLength(16)

        self.peopleRow.addWidget(self.recorderCombo)

        self.peopleSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.peopleRow.addItem(self.peopleSpacer)


        self.formGrid.addLayout(self.peopleRow, 5, 1, 1, 1)

        self.speakerLabel = QLabel(MeetingEditor)
        self.speakerLabel.setObjectName(u"speakerLabel")

        self.formGrid.addWidget(self.speakerLabel, 6, 0, 1, 1)

        self.speakerEdit = QLineEdit(MeetingEditor)
        self.speakerEdit.setObjectName(u"speakerEdit")

        self.formGrid.addWidget(self.speakerEdit, 6, 1, 1, 1)

        self.sittingInLabel = QLabel(MeetingEditor)
        self.sittingInLabel.setObjectName(u"sittingInLabel")

        self.formGrid.addWidget(self.sittingInLabel, 7, 0, 1, 1)

        self.sittingInRow = QHBoxLayout()
        self.sittingInRow.setObjectName(u"sittingInRow")
        self.sittingInEdit = QLineEdit(MeetingEditor)
        self.sittingInEdit.setObjectName(u"sittingInEdit")

        self.sittingInRow.addWidget(self.sittingInEdit)

        self.pickSittingInButton = QPushButton(MeetingEditor)
        self.pickSittingInButton.setObjectName(u"pickSittingInButton")
        self.pickSittingInButton.setAutoDefault(False)

        self.sittingInRow.addWidget(self.pickSittingInButton)


        self.formGrid.addLayout(self.sittingInRow, 7, 1, 1, 1)

        self.tagsLabel = QLabel(MeetingEditor)
        self.tagsLabel.setObjectName(u"tagsLabel")

        self.formGrid.addWidget(self.tagsLabel, 8, 0, 1, 1)

        self.tagsRow = QHBoxLayout()
        self.tagsRow.setObjectName(u"tagsRow")
        self.tagTeaching = QCheckBox(MeetingEditor)
        self.tagTeaching.setObjectName(u"tagTeaching")

        self.tagsRow.addWidget(self.tagTeaching)

        self.tagIndustry = QCheckBox(MeetingEditor)
        self.tagIndustry.setObjectName(u"tagIndustry")

        self.tagsRow.addWidget(self.tagIndustry)

        self.tagResearch = QCheckBox(MeetingEditor)
        self.tagResearch.setObjectName(u"tagResearch")

        self.tagsRow.addWidget(self.tagResearch)

        self.tagsSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.tagsRow.addItem(self.tagsSpacer)


        self.formGrid.addLayout(self.tagsRow, 8, 1, 1, 1)


        self.mainLayout.addLayout(self.formGrid)

        self.tabs = QTabWidget(MeetingEditor)
        self.tabs.setObjectName(u"tabs")
        self.attendanceTab = QWidget()
        self.attendanceTab.setObjectName(u"attendanceTab")
        self.attendanceLayout = QVBoxLayout(self.attendanceTab)
        self.attendanceLayout.setObjectName(u"attendanceLayout")
        self.attendanceButtons = QHBoxLayout()
        self.attendanceButtons.setObjectName(u"attendanceButtons")
        self.allPresentButton = QPushButton(self.attendanceTab)
        self.allPresentButton.setObjectName(u"allPresentButton")
        self.allPresentButton.setAutoDefault(False)

        self.attendanceButtons.addWidget(self.allPresentButton)

        self.leaveButton = QPushButton(self.attendanceTab)
        self.leaveButton.setObjectName(u"leaveButton")

        self.attendanceButtons.addWidget(self.leaveButton)

        self.absentButton = QPushButton(self.attendanceTab)
        self.absentButton.setObjectName(u"absentButton")

        self.attendanceButtons.addWidget(self.absentButton)

        self.attSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.attendanceButtons.addItem(self.attSpacer)

        self.countsLabel = QLabel(self.attendanceTab)
        self.countsLabel.setObjectName(u"countsLabel")

        self.attendanceButtons.addWidget(self.countsLabel)


        self.attendanceLayout.addLayout(self.attendanceButtons)

        self.attendanceView = QTableView(self.attendanceTab)
        self.attendanceView.setObjectName(u"attendanceView")

        self.attendanceLayout.addWidget(self.attendanceView)

        self.attendanceError = QLabel(self.attendanceTab)
        self.attendanceError.setObjectName(u"attendanceError")
        self.attendanceError.setVisible(False)
        self.attendanceError.setWordWrap(True)

        self.attendanceLayout.addWidget(self.attendanceError)

        self.tabs.addTab(self.attendanceTab, "")
        self.agendaTab = QWidget()
        self.agendaTab.setObjectName(u"agendaTab")
        self.agendaLayout = QVBoxLayout(self.agendaTab)
        self.agendaLayout.setObjectName(u"agendaLayout")
        self.agendaButtons = QHBoxLayout()
        self.agendaButtons.setObjectName(u"agendaButtons")
        self.addAgendaButton = QPushButton(self.agendaTab)
        self.addAgendaButton.setObjectName(u"addAgendaButton")

        self.agendaButtons.addWidget(self.addAgendaButton)

        self.removeAgendaButton = QPushButton(self.agendaTab)
        self.removeAgendaButton.setObjectName(u"removeAgendaButton")

        self.agendaButtons.addWidget(self.removeAgendaButton)

        self.agSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.agendaButtons.addItem(self.agSpacer)


        self.agendaLayout.addLayout(self.agendaButtons)

        self.agendaView = QTableView(self.agendaTab)
        self.agendaView.setObjectName(u"agendaView")

        self.agendaLayout.addWidget(self.agendaView)

        self.agendaError = QLabel(self.agendaTab)
        self.agendaError.setObjectName(u"agendaError")
        self.agendaError.setVisible(False)
        self.agendaError.setWordWrap(True)

        self.agendaLayout.addWidget(self.agendaError)

        self.tabs.addTab(self.agendaTab, "")
        self.minutesTab = QWidget()
        self.minutesTab.setObjectName(u"minutesTab")
        self.minutesLayout = QVBoxLayout(self.minutesTab)
        self.minutesLayout.setObjectName(u"minutesLayout")
        self.minutesLabel = QLabel(self.minutesTab)
        self.minutesLabel.setObjectName(u"minutesLabel")

        self.minutesLayout.addWidget(self.minutesLabel)

        self.minutesEdit = QPlainTextEdit(self.minutesTab)
        self.minutesEdit.setObjectName(u"minutesEdit")

        self.minutesLayout.addWidget(self.minutesEdit)

        self.resolutionsLabel = QLabel(self.minutesTab)
        self.resolutionsLabel.setObjectName(u"resolutionsLabel")

        self.minutesLayout.addWidget(self.resolutionsLabel)

        self.resolutionsEdit = QPlainTextEdit(self.minutesTab)
        self.resolutionsEdit.setObjectName(u"resolutionsEdit")
        self.resolutionsEdit.setMaximumHeight(120)

        self.minutesLayout.addWidget(self.resolutionsEdit)

        self.tabs.addTab(self.minutesTab, "")
        self.filesTab = QWidget()
        self.filesTab.setObjectName(u"filesTab")
        self.filesLayout = QVBoxLayout(self.filesTab)
        self.filesLayout.setObjectName(u"filesLayout")
        self.filesButtons = QHBoxLayout()
        self.filesButtons.setObjectName(u"filesButtons")
        self.addFileButton = QPushButton(self.filesTab)
        self.addFileButton.setObjectName(u"addFileButton")

        self.filesButtons.addWidget(self.addFileButton)

        self.openFileButton = QPushButton(self.filesTab)
        self.openFileButton.setObjectName(u"openFileButton")

        self.filesButtons.addWidget(self.openFileButton)

        self.removeFileButton = QPushButton(self.filesTab)
        self.removeFileButton.setObjectName(u"removeFileButton")

        self.filesButtons.addWidget(self.removeFileButton)

        self.fSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.filesButtons.addItem(self.fSpacer)

        self.filesHint = QLabel(self.filesTab)
        self.filesHint.setObjectName(u"filesHint")

        self.filesButtons.addWidget(self.filesHint)


        self.filesLayout.addLayout(self.filesButtons)

        self.filesView = QTableView(self.filesTab)
        self.filesView.setObjectName(u"filesView")

        self.filesLayout.addWidget(self.filesView)

        self.tabs.addTab(self.filesTab, "")

        self.mainLayout.addWidget(self.tabs)

        self.warningsLabel = QLabel(MeetingEditor)
        self.warningsLabel.setObjectName(u"warningsLabel")
        self.warningsLabel.setWordWrap(True)
        self.warningsLabel.setVisible(False)

        self.mainLayout.addWidget(self.warningsLabel)

        self.buttonBox = QDialogButtonBox(MeetingEditor)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Save)

        self.mainLayout.addWidget(self.buttonBox)

#if QT_CONFIG(shortcut)
        self.kindLabel.setBuddy(self.kindCombo)
        self.themeLabel.setBuddy(self.themeEdit)
        self.dateLabel.setBuddy(self.dateEdit)
        self.placeLabel.setBuddy(self.placeEdit)
        self.groupLabel.setBuddy(self.groupCombo)
        self.hostLabel.setBuddy(self.hostCombo)
        self.recorderLabel.setBuddy(self.recorderCombo)
        self.speakerLabel.setBuddy(self.speakerEdit)
        self.sittingInLabel.setBuddy(self.sittingInEdit)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(MeetingEditor)

        QMetaObject.connectSlotsByName(MeetingEditor)
    # setupUi

    def retranslateUi(self, MeetingEditor):
        MeetingEditor.setWindowTitle(QCoreApplication.translate("MeetingEditor", u"\u4f1a\u8bae\u8bb0\u5f55", None))
        self.kindLabel.setText(QCoreApplication.translate("MeetingEditor", u"\u4f1a\u8bae\u7c7b\u578b(&K)", None))
        self.themeLabel.setText(QCoreApplication.translate("MeetingEditor", u"\u4f1a\u8bae\u4e3b\u9898(&T)", None))
        self.themeEdit.setPlaceholderText(QCoreApplication.translate("MeetingEditor", u"\u4f8b\u5982\uff1a\u5b66\u4e60\u8d2f\u5f7b\u5168\u56fd\u6559\u80b2\u5927\u4f1a\u7cbe\u795e", None))
        self.themeError.setText("")
        self.dateLabel.setText(QCoreApplication.translate("MeetingEditor", u"\u65e5\u671f\u548c\u65f6\u95f4(&D)", None))
        self.dateEdit.setDisplayFormat(QCoreApplication.translate("MeetingEditor", u"yyyy-MM-dd", None))
        self.fromLabel.setText(QCoreApplication.translate("MeetingEditor", u"\u4ece", None))
        self.startTimeEdit.setDisplayFormat(QCoreApplication.translate("MeetingEditor", u"HH:mm", None))
        self.toLabel.setText(QCoreApplication.translate("MeetingEditor", u"\u5230", None))
        self.endTimeEdit.setDisplayFormat(QCoreApplication.translate("MeetingEditor", u"HH:mm", None))
        self.dateError.setText("")
        self.placeLabel.setText(QCoreApplication.translate("MeetingEditor", u"\u5730\u70b9(&P)", None))
        self.groupLabel.setText(QCoreApplication.translate("MeetingEditor", u"\u515a\u5c0f\u7ec4(&G)", None))
        self.groupError.setText("")
        self.hostLabel.setText(QCoreApplication.translate("MeetingEditor", u"\u4e3b\u6301\u4eba(&H)", None))
        self.recorderLabel.setText(QCoreApplication.translate("MeetingEditor", u"\u8bb0\u5f55\u4eba(&R)", None))
        self.speakerLabel.setText(QCoreApplication.translate("MeetingEditor", u"\u4e3b\u8bb2\u4eba(&S)", None))
        self.speakerEdit.setPlaceholderText(QCoreApplication.translate("MeetingEditor", u"\u8bb2\u515a\u8bfe\u7684\u4eba\uff0c\u5982\u652f\u90e8\u4e66\u8bb0\u3001\u4e0a\u7ea7\u515a\u7ec4\u7ec7\u9886\u5bfc", None))
        self.sittingInLabel.setText(QCoreApplication.translate("MeetingEditor", u"\u5217\u5e2d\u4eba\u5458(&I)", None))
        self.sittingInEdit.setPlaceholderText(QCoreApplication.translate("MeetingEditor", u"\u65e0\u8868\u51b3\u6743\u7684\u5217\u5e2d\u4eba\u5458\uff0c\u5982\u5165\u515a\u79ef\u6781\u5206\u5b50\u3001\u4e0a\u7ea7\u515a\u7ec4\u7ec7\u9886\u5bfc\uff1b\u7528\u987f\u53f7\u5206\u9694", None))
        self.pickSittingInButton.setText(QCoreApplication.translate("MeetingEditor", u"\u9009\u62e9\u515a\u5458\u2026", None))
        self.tagsLabel.setText(QCoreApplication.translate("MeetingEditor", u"\u4e09\u878d\u5408", None))
        self.tagTeaching.setText(QCoreApplication.translate("MeetingEditor", u"\u878d\u5165\u6559\u80b2\u6559\u5b66", None))
        self.tagIndustry.setText(QCoreApplication.translate("MeetingEditor", u"\u878d\u5165\u4ea7\u6559\u878d\u5408", None))
        self.tagResearch.setText(QCoreApplication.translate("MeetingEditor", u"\u878d\u5165\u79d1\u6559\u878d\u6c47", None))
        self.allPresentButton.setText(QCoreApplication.translate("MeetingEditor", u"\u5168\u90e8\u51fa\u5e2d(&Q)", None))
        self.leaveButton.setText(QCoreApplication.translate("MeetingEditor", u"\u9009\u4e2d\u8005\u8bf7\u5047(&L)", None))
        self.absentButton.setText(QCoreApplication.translate("MeetingEditor", u"\u9009\u4e2d\u8005\u7f3a\u5e2d", None))
        self.countsLabel.setText("")
        self.attendanceError.setText("")
        self.tabs.setTabText(self.tabs.indexOf(self.attendanceTab), QCoreApplication.translate("MeetingEditor", u"\u51fa\u5e2d\u60c5\u51b5", None))
        self.addAgendaButton.setText(QCoreApplication.translate("MeetingEditor", u"\u6dfb\u52a0\u8bae\u7a0b(&A)", None))
        self.removeAgendaButton.setText(QCoreApplication.translate("MeetingEditor", u"\u5220\u9664\u8bae\u7a0b", None))
        self.agendaError.setText("")
        self.tabs.setTabText(self.tabs.indexOf(self.agendaTab), QCoreApplication.translate("MeetingEditor", u"\u8bae\u7a0b\u4e0e\u8868\u51b3", None))
        self.minutesLabel.setText(QCoreApplication.translate("MeetingEditor", u"\u4f1a\u8bae\u8bb0\u5f55\uff08\u53d1\u8a00\u548c\u8ba8\u8bba\u60c5\u51b5\uff09", None))
        self.resolutionsLabel.setText(QCoreApplication.translate("MeetingEditor", u"\u4f1a\u8bae\u51b3\u5b9a", None))
        self.tabs.setTabText(self.tabs.indexOf(self.minutesTab), QCoreApplication.translate("MeetingEditor", u"\u4f1a\u8bae\u8bb0\u5f55", None))
        self.addFileButton.setText(QCoreApplication.translate("MeetingEditor", u"\u6dfb\u52a0\u9644\u4ef6\u2026", None))
        self.openFileButton.setText(QCoreApplication.translate("MeetingEditor", u"\u6253\u5f00", None))
        self.removeFileButton.setText(QCoreApplication.translate("MeetingEditor", u"\u79fb\u9664", None))
        self.filesHint.setText(QCoreApplication.translate("MeetingEditor", u"\u7b7e\u5230\u8868\u7167\u7247\u3001\u8bfe\u4ef6\u3001PDF \u7b49\uff0c\u5355\u4e2a\u4e0d\u8d85\u8fc7 200 MB", None))
        self.tabs.setTabText(self.tabs.indexOf(self.filesTab), QCoreApplication.translate("MeetingEditor", u"\u9644\u4ef6", None))
    # retranslateUi


# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'campaign_dialog.ui'
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
    QDialog, QDialogButtonBox, QGridLayout, QHBoxLayout,
    QLabel, QLineEdit, QListWidget, QListWidgetItem,
    QPlainTextEdit, QSizePolicy, QWidget)
class Ui_CampaignDialog(object):
    def setupUi(self, CampaignDialog):
        if not CampaignDialog.objectName():
            CampaignDialog.setObjectName(u"CampaignDialog")
        CampaignDialog.resize(600, 620)
        self.grid = QGridLayout(CampaignDialog)
        self.grid.setObjectName(u"grid")
        self.name_label = QLabel(CampaignDialog)
        self.name_label.setObjectName(u"name_label")
        self.name_label.setAlignment(Qt.AlignRight|Qt.AlignTrailing|Qt.AlignVCenter)

        self.grid.addWidget(self.name_label, 0, 0, 1, 1)

        self.name = QLineEdit(CampaignDialog)
        self.name.setObjectName(u"name")

        self.grid.addWidget(self.name, 0, 1, 1, 1)

        self.name_error = QLabel(CampaignDialog)
        self.name_error.setObjectName(u"name_error")
        self.name_error.setStyleSheet(u"color: #c62828;")
        self.name_error.setWordWrap(True)

        self.grid.addWidget(self.name_error, 1, 1, 1, 1)

        self.starts_on_label = QLabel(CampaignDialog)
        self.starts_on_label.setObjectName(u"starts_on_label")
        self.starts_on_label.setAlignment(Qt.AlignRight|Qt.AlignTrailing|Qt.AlignVCenter)

        self.grid.addWidget(self.starts_on_label, 2, 0, 1, 1)

        self.starts_on_row = QHBoxLayout()
        self.starts_on_row.setObjectName(u"starts_on_row")
        self.starts_on = QDateEdit(CampaignDialog)
        self.starts_on.setObjectName(u"starts_on")
        self.starts_on.setDisplayFormat(u"yyyy-MM-dd")
        self.starts_on.setCalendarPopup(True)

        self.starts_on_row.addWidget(self.starts_on)

        self.ends_on_label = QLabel(CampaignDialog)
        self.ends_on_label.setObjectName(u"ends_on_label")
        self.ends_on_label.setAlignment(Qt.AlignRight|Qt.AlignTrailing|Qt.AlignVCenter)

        self.starts_on_row.addWidget(self.ends_on_label)

        self.ends_on = QDateEdit(CampaignDialog)
        self.ends_on.setObjectName(u"ends_on")
        self.ends_on.setDisplayFormat(u"yyyy-MM-dd")
        self.ends_on.setCalendarPopup(True)

        self.starts_on_row.addWidget(self.ends_on)


        self.grid.addLayout(self.starts_on_row, 2, 1, 1, 1)

        self.starts_on_error = QLabel(CampaignDialog)
        self.starts_on_error.setObjectName(u"starts_on_error")
        self.starts_on_error.setStyleSheet(u"color: #c62828;")
        self.starts_on_error.setWordWrap(True)

        self.grid.addWidget(self.starts_on_error, 3, 1, 1, 1)

        self.ends_on_error = QLabel(CampaignDialog)
        self.ends_on_error.setObjectName(u"ends_on_error")
        self.ends_on_error.setStyleSheet(u"color: #c62828;")
        self.ends_on_error.setWordWrap(True)

        self.grid.addWidget(self.ends_on_error, 4, 1, 1, 1)

        self.template_label = QLabel(CampaignDialog)
        self.template_label.setObjectName(u"template_label")
        self.template_label.setAlignment(Qt.AlignRight|Qt.AlignTrailing|Qt.AlignVCenter)

        self.grid.addWidget(self.template_label, 5, 0, 1, 1)

        self.template = QComboBox(CampaignDialog)
        self.template.setObjectName(u"template")

        self.grid.addWidget(self.template, 5, 1, 1, 1)

        self.template_error = QLabel(CampaignDialog)
        self.template_error.setObjectName(u"template_error")
        self.template_error.setStyleSheet(u"color: #c62828;")
        self.template_error.setWordWrap(True)

        self.grid.addWidget(self.template_error, 6, 1, 1, 1)

        self.participants_label = QLabel(CampaignDialog)
        self.participants_label.setObjectName(u"participants_label")
        self.participants_label.setAlignment(Qt.AlignRight|Qt.AlignTrailing|Qt.AlignVCenter)

        self.grid.addWidget(self.participants_label, 7, 0, 1, 1)

        self.participants_row = QHBoxLayout()
        self.participants_row.setObjectName(u"participants_row")
        self.people = QListWidget(CampaignDialog)
        self.people.setObjectName(u"people")

        self.participants_row.addWidget(self.people)

        self.departments = QListWidget(CampaignDialog)
        self.departments.setObjectName(u"departments")

        self.participants_row.addWidget(self.departments)


        self.grid.addLayout(self.participants_row, 7, 1, 1, 1)

        self.participants_error = QLabel(CampaignDialog)
        self.participants_error.setObjectName(u"participants_error")
        self.participants_error.setStyleSheet(u"color: #c62828;")
        self.participants_error.setWordWrap(True)

        self.grid.addWidget(self.participants_error, 8, 1, 1, 1)

        self.note_label = QLabel(CampaignDialog)
        self.note_label.setObjectName(u"note_label")
        self.note_label.setAlignment(Qt.AlignRight|Qt.AlignTrailing|Qt.AlignVCenter)

        self.grid.addWidget(self.note_label, 9, 0, 1, 1)

        self.note = QPlainTextEdit(CampaignDialog)
        self.note.setObjectName(u"note")
        self.note.setTabChangesFocus(True)
        self.note.setMaximumHeight(60)

        self.grid.addWidget(self.note, 9, 1, 1, 1)

        self.note_error = QLabel(CampaignDialog)
        self.note_error.setObjectName(u"note_error")
        self.note_error.setStyleSheet(u"color: #c62828;")
        self.note_error.setWordWrap(True)

        self.grid.addWidget(self.note_error, 10, 1, 1, 1)

        self.form_error = QLabel(CampaignDialog)
        self.form_error.setObjectName(u"form_error")
        self.form_error.setStyleSheet(u"color: #c62828;")
        self.form_error.setWordWrap(True)

        self.grid.addWidget(self.form_error, 11, 0, 1, 2)

        self.button_box = QDialogButtonBox(CampaignDialog)
        self.button_box.setObjectName(u"button_box")
        self.button_box.setStandardButtons(QDialogButtonBox.Cancel|QDialogButtonBox.Save)

        self.grid.addWidget(self.button_box, 12, 0, 1, 2)

        QWidget.setTabOrder(self.name, self.starts_on)
        QWidget.setTabOrder(self.starts_on, self.ends_on)
        QWidget.setTabOrder(self.ends_on, self.template)
        QWidget.setTabOrder(self.template, self.people)
        QWidget.setTabOrder(self.people, self.departments)
        QWidget.setTabOrder(self.departments, self.note)
        QWidget.setTabOrder(self.note, self.button_box)

        self.retranslateUi(CampaignDialog)

        QMetaObject.connectSlotsByName(CampaignDialog)
    # setupUi

    def retranslateUi(self, CampaignDialog):
        CampaignDialog.setWindowTitle(QCoreApplication.translate("CampaignDialog", u"\u81ea\u67e5\u6d3b\u52a8", None))
        self.name_label.setText(QCoreApplication.translate("CampaignDialog", u"\u6d3b\u52a8\u540d\u79f0*", None))
        self.name.setPlaceholderText(QCoreApplication.translate("CampaignDialog", u"\u5982\uff1a2026\u5e74\u4e0a\u534a\u5e74\u4f5c\u98ce\u6574\u987f\u81ea\u67e5", None))
        self.starts_on_label.setText(QCoreApplication.translate("CampaignDialog", u"\u5f00\u59cb\u65e5\u671f*", None))
        self.ends_on_label.setText(QCoreApplication.translate("CampaignDialog", u"\u7ed3\u675f\u65e5\u671f*", None))
        self.template_label.setText(QCoreApplication.translate("CampaignDialog", u"\u68c0\u67e5\u6a21\u677f*", None))
        self.participants_label.setText(QCoreApplication.translate("CampaignDialog", u"\u53c2\u52a0\u4eba\u5458/\u90e8\u95e8", None))
        self.note_label.setText(QCoreApplication.translate("CampaignDialog", u"\u5907\u6ce8", None))
        self.note.setPlaceholderText("")
    # retranslateUi

